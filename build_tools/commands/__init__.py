"""The ``briefing`` command's subcommands, one module each: check, build, export, suggest, new."""
