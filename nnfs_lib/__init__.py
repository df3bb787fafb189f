"""nnfs_lib: the library behind the "neural network from scratch" notebooks.

Ground floor (numpy only): ``activations``, ``losses``, ``datasets``,
``validation``; above it ``network``, ``training`` and ``gradcheck``.
Plotting and widgets live in their own modules and are imported on demand,
so ``import nnfs_lib`` needs numpy only.
"""

from .activations import (
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    sigmoid_derivative_from_activation,
    tanh,
    tanh_derivative,
)
from .datasets import logic_gate, xor
from .gradcheck import gradient_check, numerical_gradients
from .losses import squared_errors, sum_of_squares, sum_of_squares_derivative
from .network import NeuralNetwork
from .training import TrainingHistory, train

__all__ = [
    "NeuralNetwork", "TrainingHistory", "train", "gradient_check", "numerical_gradients",
    "sigmoid", "sigmoid_derivative", "sigmoid_derivative_from_activation",
    "tanh", "tanh_derivative", "relu", "relu_derivative",
    "sum_of_squares", "squared_errors", "sum_of_squares_derivative",
    "xor", "logic_gate",
]
