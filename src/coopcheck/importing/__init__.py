"""Adding to the activity log: new entries from the command line, a calendar export or a CRM export.

Pure: these modules turn their input into entries and plan textual edits of a log file; the
commands in `coopcheck.cli.add` and `coopcheck.cli.importing` read, check and write the files.
"""
