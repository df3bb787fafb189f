"""Going further: many networks trained at once (notebooks 09 and 10).

Numpy only; it builds on the core and is used by ``nnfs_lib.plots`` and
``nnfs_lib.explorers``. Import each name from its own module:

* ``many``: ``train_many`` trains B networks in one vectorised loop, equal to
  ``NeuralNetwork`` + ``training.train`` for each; ``initial_weights_from_seeds``,
  ``solved``;
* ``starts``: which starts train (scale, basin map, symmetry, saturation),
  the first half of the notebook;
* ``architecture``: learning rate, biases, width, one neuron, the second half;
* ``settings``: the lab explorer's ``LabSettings`` and ``train_lab``.
"""
