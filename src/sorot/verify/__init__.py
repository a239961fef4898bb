"""Corpus-level work on stored documents: the story timeline, claims across outlets, verdicts.

Nothing here re-runs NLP: it reads ``sorot.document/1`` records.
"""
