"""Readers: every input kind the contract names becomes :class:`sorot.records.RawDoc` records.

``read_paths`` is the one entry point; each input kind has its own small module.
"""
