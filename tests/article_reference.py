"""The article's network, re-implemented here as an independent reference.

This follows the article's algorithm line by line (sigmoid recomputed inside
``sigmoid_derivative``, ``d_weights`` = the *negative* gradient, added to the
weights). It is deliberately not imported from ``nnfs_lib``: the tests compare
the library against it.
"""

import numpy as np


def article_sigmoid(x):
    return 1.0 / (1 + np.exp(-x))


def article_sigmoid_derivative(x):
    return article_sigmoid(x) * (1.0 - article_sigmoid(x))


class ArticleNetwork:
    def __init__(self, x, y, weights1, weights2):
        self.input = x
        self.weights1 = np.array(weights1, dtype=float)
        self.weights2 = np.array(weights2, dtype=float)
        self.y = y
        self.output = np.zeros(y.shape)

    def feedforward(self):
        self.layer1 = article_sigmoid(np.dot(self.input, self.weights1))
        self.output = article_sigmoid(np.dot(self.layer1, self.weights2))
        return (self.y - self.output) ** 2

    def backprop(self):
        sd1 = article_sigmoid_derivative(np.dot(self.input, self.weights1))
        sd2 = article_sigmoid_derivative(np.dot(self.layer1, self.weights2))
        d_weights2 = np.dot(self.layer1.T, 2 * (self.y - self.output) * sd2)
        d_weights1 = np.dot(
            self.input.T,
            np.dot(2 * (self.y - self.output) * sd2, self.weights2.T) * sd1,
        )
        self.weights1 += d_weights1
        self.weights2 += d_weights2


def train_article(x, y, weights1, weights2, iterations=1500):
    """Run the article's loop; return the network and its list of per-sample losses."""
    net = ArticleNetwork(x, y, weights1, weights2)
    losses = []
    for _ in range(iterations):
        losses.append(net.feedforward())
        net.backprop()
    return net, losses


def article_iteration(x, y, weights1, weights2):
    """The article's ``feedforward`` and ``backprop`` of one iteration, every value kept:
    ``layer1``, ``output``, ``d_weights1``, ``d_weights2`` (the article's update, the
    *negative* gradient) and the factors of its chain, ``2 * (y - output) * sd2`` and
    ``np.dot(that, weights2.T) * sd1`` (minus our delta2 and delta1)."""
    net = ArticleNetwork(x, y, weights1, weights2)
    net.feedforward()
    sd1 = article_sigmoid_derivative(np.dot(net.input, net.weights1))
    sd2 = article_sigmoid_derivative(np.dot(net.layer1, net.weights2))
    minus_delta2 = 2 * (net.y - net.output) * sd2
    minus_delta1 = np.dot(minus_delta2, net.weights2.T) * sd1
    return {"layer1": net.layer1, "output": net.output,
            "d_weights1": np.dot(net.input.T, minus_delta1),
            "d_weights2": np.dot(net.layer1.T, minus_delta2),
            "minus_delta2": minus_delta2, "minus_delta1": minus_delta1}
