"""Command-line interface: a thin Typer app over the library.

Each command lives in its own module and only parses options and calls the
library. A `StorylensError` becomes one red line on stderr and exit code 2;
never a traceback for a user mistake.
"""

from __future__ import annotations

import sys

import typer
from typer.exceptions import TyperException

app = typer.Typer(
    name="storylens",
    help="Cross-source briefs from many news articles about one story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Imported here so that `import storylens` never pulls Typer commands in.
    from storylens.cli import brief, extract, serve, stories  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    from storylens.errors import StorylensError

    _register()
    try:
        rc = app(args=argv, standalone_mode=False)
    except StorylensError as exc:
        _fail(str(exc))
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        _fail("aborted")
        return 130
    except TyperException as exc:
        # Usage errors (unknown option, bad choice, missing argument) carry their own
        # message and exit code. Typer vendors Click since 0.29, so these are not
        # click.ClickException and must be caught through Typer's own base class.
        exc.show()
        return exc.exit_code
    return rc if isinstance(rc, int) else 0


def _fail(message: str) -> None:
    sys.stderr.write(f"storylens: error: {message}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
