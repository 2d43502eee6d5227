#pragma once
// GDAL reports problems through CPLError, which by default prints to stderr
// ("ERROR 4: ..."). MoEScope's users get one clear line instead: while a
// CapturedGdalErrors lives, this thread's GDAL messages are collected (not
// printed) and the last failure can be put in our own words.

#include <cpl_error.h>

#include <QString>

namespace moescope::sar {

class CapturedGdalErrors
{
public:
    CapturedGdalErrors();
    ~CapturedGdalErrors();
    CapturedGdalErrors(const CapturedGdalErrors &) = delete;
    CapturedGdalErrors &operator=(const CapturedGdalErrors &) = delete;

    // The last error (CE_Failure or worse) GDAL raised, without its "ERROR n:"
    // prefix; empty when none.
    QString lastError() const { return m_lastError; }
    // `fallback` when GDAL said nothing.
    QString lastErrorOr(const QString &fallback) const
    {
        return m_lastError.isEmpty() ? fallback : m_lastError;
    }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char *message);
    QString m_lastError;
};

// Registers GDAL's drivers once and keeps its global settings sane for an
// interactive program (a bounded block cache, no PAM .aux.xml side files
// written next to the user's products).
void initialiseGdal();

} // namespace moescope::sar
