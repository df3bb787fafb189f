"""nnfs_lib: the library behind the "Neural Networks from scratch in Python" notebooks.

Import each name from its own module, for example
``from nnfs_lib.network import NeuralNetwork``. The layers, lowest first
(each imports only from the ones before it):

* the core, numpy only, what a student reads beside the article:
  ``activations``, ``losses``, ``datasets``, ``network``, ``training``,
  ``gradcheck`` (and the private argument checks in ``_checks``);
* ``nnfs_lib.lab``: going further, many networks trained at once (notebook 09);
* ``nnfs_lib.plots``: static matplotlib figures;
* ``nnfs_lib.explorers``: the interactive widgets;
* ``nnfs_lib.exercises``: the exercise checks, one module per notebook.

The README's "Reading the library" gives the order to read the core in.
"""
