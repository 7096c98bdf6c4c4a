"""The example stories, one module each; tools/make_examples.py writes them."""
