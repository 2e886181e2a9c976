"""Safe file primitives below every stage: atomic writes, checksummed pickles, YAML read as text.

Imports nothing else of ``generator``, so the model, the settings and every
stage may use it.
"""
