"""Command-line interface: a thin Typer app over the library.

Each command lives in its own module and only parses options and calls the
library. A `StorylensError` becomes one red line on stderr and exit code 2;
never a traceback for a user mistake.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from typer.exceptions import TyperException

# An on/off option takes no value; without this Typer shows it as "--briefs <bool>", which reads as
# "--briefs true" (then taken as a path).
FLAG = ""

app = typer.Typer(
    name="storylens",
    help="Cross-source briefs from many news articles about one story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from storylens import __version__

        sys.stdout.write(f"storylens {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, metavar=FLAG,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Cross-source briefs from many news articles about one story."""


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
    if rc == 130:  # Typer turns Ctrl-C into a silent return of 130 (no command returns it)
        _fail("aborted")
    return rc if isinstance(rc, int) else 0


def _fail(message: str) -> None:
    sys.stderr.write(f"storylens: error: {message}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
