import os

# Qt aborts on a machine with no display unless told to draw offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Documents are laid out by the program's own writer unless a test asks for LibreOffice (or
# Word): a conversion takes a second or more, and most tests are about what we write, not how
# a converter lays it out. The route tests (tests/unit/test_pdf_route.py) use LibreOffice.
os.environ.setdefault("SECRETARY_PDF_CONVERTER", "builtin")


# CI says which skips the machine may need (SECRETARY_ALLOWED_SKIPS: a regular expression the
# skip's reason must match, e.g. "Windows|pwd"); any other skip fails the run there, so a missing
# converter, poppler or font package never turns into a green run that tested nothing.
def pytest_sessionfinish(session, exitstatus):
    allowed = os.environ.get("SECRETARY_ALLOWED_SKIPS")
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if allowed is None or reporter is None:
        return
    import re

    unexpected = [
        report
        for report in reporter.stats.get("skipped", [])
        if not (allowed and re.search(allowed, str(report.longrepr)))
    ]
    for report in unexpected:
        reporter.write_line(f"skipped, and CI does not allow it: {report.longrepr}", red=True)
    if unexpected and session.exitstatus == 0:
        session.exitstatus = 1
