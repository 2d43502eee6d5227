#pragma once
// The tracking plugin's translation context (what lupdate sees).

#include <QCoreApplication>

namespace moescope::tracking {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::tracking)
};

} // namespace moescope::tracking
