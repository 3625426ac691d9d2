"""The Python API: :func:`kg.api.graph.open` gives a :class:`~kg.api.graph.Graph` that answers
as the commands do, with names as people write them, and answers that show themselves in
Jupyter, convert to plain data and to pandas (``import nnkg`` is the documented door)."""
