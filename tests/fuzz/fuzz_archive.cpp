// A model file as the catalog reads it before LibTorch does: the zip
// archive's CRCs (verifyArchive) and its one moescope.json (readContractFile).
#include "fuzzsupport.h"

#include "model/archive.h"
#include "model/contract.h"

#include <string>

using namespace moescope;
using namespace moescope::model;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeInput(QStringLiteral("model.pt"), data, size);
    const std::string file = path.toStdString();
    std::string error;
    if (!verifyArchive(file, &error) && error.empty())
        __builtin_trap();
    ModelContract contract;
    error.clear();
    if (!readContractFile(file, &contract, &error) && error.empty())
        __builtin_trap();
    return 0;
}
