"""The base every layer stands on: errors, the vocabulary, the claim model, files written
atomically, locks, bounded reads, limits, progress, child processes and deep stacks.
It imports nothing else of nnkg."""

__version__ = "0.1.0"
