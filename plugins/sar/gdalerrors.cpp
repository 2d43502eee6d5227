#include "gdalerrors.h"

#include <cpl_conv.h>
#include <gdal.h>

#include <mutex>

namespace moescope::sar {

CapturedGdalErrors::CapturedGdalErrors()
{
    CPLPushErrorHandlerEx(&CapturedGdalErrors::handler, this);
}

CapturedGdalErrors::~CapturedGdalErrors()
{
    CPLPopErrorHandler();
}

void CPL_STDCALL CapturedGdalErrors::handler(CPLErr level, CPLErrorNum, const char *message)
{
    if (level < CE_Failure)
        return; // warnings and debug chatter are not the user's business
    auto *self = static_cast<CapturedGdalErrors *>(CPLGetErrorHandlerUserData());
    if (self)
        self->m_lastError = QString::fromUtf8(message).trimmed();
}

void initialiseGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Not the user's terminal: GDAL's default handler prints to stderr.
        CPLSetErrorHandler(CPLQuietErrorHandler);
        // 256 MB of block cache: enough for a row of output tiles of a large
        // scene, and a bound on the process's memory (GDAL's default is 5 %
        // of RAM).
        if (!CPLGetConfigOption("GDAL_CACHEMAX", nullptr))
            GDALSetCacheMax64(256LL << 20);
        // Reading a product must not write files beside it.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        GDALAllRegister();
    });
}

} // namespace moescope::sar
