"""`python -m trtune` runs the command-line interface."""

from trtune.cli import main

if __name__ == "__main__":
    main()
