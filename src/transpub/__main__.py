"""``python -m transpub``: the same as the ``transpub`` command."""

from transpub.cli import main

if __name__ == "__main__":
    main()
