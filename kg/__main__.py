"""``python -m kg`` runs the nnkg command line."""

from .cli import main

main()
