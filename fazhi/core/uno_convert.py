"""Ask the LibreOffice that `fazhi worker` keeps running (fazhi/core/office.py) to turn a .docx into PDF.

Run by the Python that has LibreOffice's ``uno`` module (Debian's python3-uno), not by the project's virtualenv,
so it imports nothing of Django or Fazhi:

    python3 uno_convert.py PIPE_NAME convert IN.docx OUT.pdf
    python3 uno_convert.py PIPE_NAME ping      (makes and closes a blank document)
    python3 uno_convert.py PIPE_NAME quit

Exit status: 0 done; 2 no LibreOffice listens on that pipe; 3 the conversion failed; 4 bad arguments.
"""
import sys


def _property(name, value):
    from com.sun.star.beans import PropertyValue

    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _desktop(pipe: str):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in ("convert", "ping", "quit") or (argv[1] == "convert" and len(argv) != 4):
        print(__doc__, file=sys.stderr)
        return 4
    try:
        import uno
        desktop = _desktop(argv[0])
    except Exception as error:  # noqa: BLE001 - no uno module, no listener, a listener shutting down
        print(f"no listener: {error}", file=sys.stderr)
        return 2
    if argv[1] == "quit":  # LibreOffice ends as it would when closed: its pipe and profile are tidied up
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge goes away with it
            pass
        return 0
    if argv[1] == "ping":  # a blank document made and closed: LibreOffice's main thread is free to work
        try:
            blank = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (_property("Hidden", True),))
            blank.close(True)
        except Exception as error:  # noqa: BLE001
            print(f"not working: {error}", file=sys.stderr)
            return 3
        return 0
    source, target = argv[2], argv[3]
    document = None
    try:
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                                (_property("Hidden", True), _property("ReadOnly", True)))
        if document is None:
            raise RuntimeError("LibreOffice could not open the document")
        document.storeToURL(uno.systemPathToFileUrl(target), (_property("FilterName", "writer_pdf_Export"),))
    except Exception as error:  # noqa: BLE001 - whatever LibreOffice raises, the caller converts another way
        print(f"conversion failed: {error}", file=sys.stderr)
        return 3
    finally:
        if document is not None:
            try:
                document.close(True)
            except Exception:  # noqa: BLE001 - already closed or the listener went away
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
