"""Building and loading the spaCy pipeline: the trained base model plus Sorot's rule components."""
