#pragma once
// What reaches the user's terminal: MoEScope's own lines only. The libraries
// MoEScope reads files with print to stderr themselves (DCMTK's "E:" and
// "W:" lines, GDCM's multi-line warnings, libtiff, libpng, ITK's output
// window, NIfTI's "** ERROR", OpenJPEG, GDAL, FFmpeg); their lines go to a
// log file instead, and a file name is shown with its control characters
// escaped, so a name holding a newline or an escape sequence prints as one
// plain line.

#include <QString>

#include <cstdio>

namespace moescope::cli {

// Points file descriptor 2 at <cache>/moescope-cli.log (replaced per process;
// the path is logPath()), unless MOESCOPE_DEBUG=1, which keeps everything on
// the terminal. Call once in main() after the Q(Core)Application exists.
void routeLibraryChatter();
// Points file descriptor 2 back at the terminal (before exec'ing the engine,
// which routes its own).
void restoreTerminalStderr();
// The terminal's stderr (stderr itself before routeLibraryChatter() or with
// MOESCOPE_DEBUG=1): where MoEScope's own messages go.
FILE *userStderr();
// Where library chatter went ("" when it stays on the terminal).
QString logPath();

// `text` with every control character but the line's end shown as an escape
// (\n, \t, \e, \x07...), so it prints as the one line it is meant to be.
// Inline: moescope_cli_info, which links none of the CLI's code, uses it too.
inline QString escapedForTerminal(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        const bool lastNewline = u == u'\n' && i == text.size() - 1;
        if (lastNewline || !(u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))) {
            out += c;
            continue;
        }
        switch (u) {
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case 0x1b:
            out += QLatin1String("\\e");
            break;
        default:
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace moescope::cli
