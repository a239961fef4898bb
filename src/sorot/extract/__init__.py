"""Extractors: rule components that read the parse and entities and write dates, quotes and events."""
