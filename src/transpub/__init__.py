"""transpub: multilingual publishing and translation workflow."""

__version__ = "0.1.0"
