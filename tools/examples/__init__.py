"""The newer example stories, one module each; tools/make_examples.py writes them with the first five."""
