// The versions of the image libraries this build reads with, for Help ▸ About.
#include "imageloader.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <gdcmVersion.h>
#include <itkVersion.h>

namespace moescope {

QStringList ImageLoader::libraryVersions()
{
    return {QStringLiteral("DCMTK %1").arg(QString::fromLatin1(OFFIS_DCMTK_VERSION)),
            QStringLiteral("ITK %1").arg(QString::fromLatin1(itk::Version::GetITKVersion())),
            QStringLiteral("GDCM %1").arg(QString::fromLatin1(gdcm::Version::GetVersion()))};
}

} // namespace moescope
