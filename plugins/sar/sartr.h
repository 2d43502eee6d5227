#pragma once
// The SAR plugin's translation context, as lupdate sees it.

#include <QCoreApplication>

namespace moescope::sar {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::sar)
};

} // namespace moescope::sar
