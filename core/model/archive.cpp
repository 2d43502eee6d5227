#include "archive.h"

#include "json.h"
#include "text/text.h"

#include <minizip/unzip.h>

#include <memory>
#include <vector>

namespace moescope::model {

namespace {

constexpr unsigned long kMaxMetaBytes = json::kMaxTextBytes;

struct UnzipCloser
{
    void operator()(void *zip) const { unzClose(zip); }
};

} // namespace

bool readContractFile(const std::string &path, ModelContract *contract, std::string *error)
{
    std::unique_ptr<void, UnzipCloser> zip(unzOpen64(path.c_str()));
    if (!zip) {
        *error = text::modelText("moescope::model::Engine", "%1: not a TorchScript archive: %2")
                     .arg(path)
                     .arg(text::modelText("moescope::model::Engine", "not a zip file"));
        return false;
    }
    std::string meta;
    int found = 0;
    for (int status = unzGoToFirstFile(zip.get()); status == UNZ_OK;
         status = unzGoToNextFile(zip.get())) {
        unz_file_info64 info{};
        char name[1024] = {};
        if (unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof name - 1, nullptr, 0, nullptr,
                                    0) != UNZ_OK)
            break;
        const std::string entry(name);
        const size_t slash = entry.find('/');
        if (slash == std::string::npos ||
            entry.compare(slash + 1, std::string::npos, "extra/moescope.json") != 0)
            continue;
        if (++found > 1) {
            *error =
                text::modelText("moescope::model::Engine", "%1: holds two moescope.json entries")
                    .arg(path);
            return false;
        }
        if (info.uncompressed_size > kMaxMetaBytes) {
            *error = text::modelText("moescope::model::Engine",
                                     "%1: its moescope.json is %2 MiB; at most 4 MiB")
                         .arg(path)
                         .arg(std::to_string(info.uncompressed_size >> 20));
            return false;
        }
        meta.resize(size_t(info.uncompressed_size));
        if (unzOpenCurrentFile(zip.get()) != UNZ_OK ||
            unzReadCurrentFile(zip.get(), meta.data(), unsigned(meta.size())) != int(meta.size()) ||
            unzCloseCurrentFile(zip.get()) != UNZ_OK) { // UNZ_CRCERROR: damaged
            *error = text::modelText("moescope::model::Engine",
                                     "%1: its moescope.json cannot be read (damaged)")
                         .arg(path);
            return false;
        }
    }
    if (!found) {
        *error = text::modelText("moescope::model::Engine", "%1: has no moescope.json").arg(path);
        return false;
    }
    std::string why;
    if (!parseContract(meta, contract, &why)) {
        *error = path + ": " + why;
        return false;
    }
    return true;
}

bool verifyArchive(const std::string &path, std::string *error)
{
    std::unique_ptr<void, UnzipCloser> zip(unzOpen64(path.c_str()));
    if (!zip) {
        *error = text::modelText("moescope::model::Engine", "%1: not a TorchScript model: %2")
                     .arg(path)
                     .arg(text::modelText("moescope::model::Engine", "not a zip file"));
        return false;
    }
    std::vector<char> buffer(size_t(1) << 20);
    int status = unzGoToFirstFile(zip.get());
    for (; status == UNZ_OK; status = unzGoToNextFile(zip.get())) {
        char name[1024] = {};
        unz_file_info64 info{};
        unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof name - 1, nullptr, 0, nullptr, 0);
        bool whole = unzOpenCurrentFile(zip.get()) == UNZ_OK;
        int n = 0;
        while (whole &&
               (n = unzReadCurrentFile(zip.get(), buffer.data(), unsigned(buffer.size()))) > 0) {
        }
        // Closing a fully read entry compares its CRC-32 (UNZ_CRCERROR).
        whole = whole && n == 0 && unzCloseCurrentFile(zip.get()) == UNZ_OK;
        if (!whole) {
            *error =
                text::modelText("moescope::model::Engine",
                                "%1: damaged: the archive entry %2 does not match its checksum")
                    .arg(path)
                    .arg(name);
            return false;
        }
    }
    if (status != UNZ_END_OF_LIST_OF_FILE) {
        *error = text::modelText("moescope::model::Engine",
                                 "%1: damaged: its zip directory cannot be read")
                     .arg(path);
        return false;
    }
    return true;
}

} // namespace moescope::model
