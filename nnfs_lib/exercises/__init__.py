"""The exercise checks of the notebooks, one module per notebook.

=========================  =====================================
module                     notebook
=========================  =====================================
``the_network``            00_the_network.ipynb
``neurons``                01_neurons.ipynb
``weights_and_biases``     02_weights_and_biases.ipynb
``activation_function``    03_activation_function.ipynb
``feedforward``            04_feedforward.ipynb
``loss_function``          05_loss_function.ipynb
``backpropagation``        06_backpropagation.ipynb
``the_math``               07_the_math.ipynb
``training_and_results``   08_training_and_results.ipynb
``which_starts_train``     09_which_starts_train.ipynb
``architecture``           10_architecture.ipynb
=========================  =====================================

A notebook imports its own module, e.g.
``from nnfs_lib.exercises import loss_function as exercises``, and calls
``exercises.check_05_loss_value(answer)``. Each ``check_<notebook>_<topic>``
takes a student's answer and returns a ``CheckResult``: truthy when the answer
is right, shown as one line, a pass message or a hint. It never reveals the
solution (that lives in ``notebooks/solutions.ipynb``). A check is total:
whatever it is given (any value of any type; a function that raises, warns,
returns nonsense, seeds numpy's global generator, calls ``exit()`` or never
returns) it returns a ``CheckResult`` without raising, warning or printing,
and leaves numpy's global state as it was. The shared machinery is in
``_checking``. These modules import only the numpy core of ``nnfs_lib``.
"""
