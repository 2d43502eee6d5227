#pragma once
// A model file's moescope.json, read without LibTorch: what the model list,
// the CLI's model-free verbs and the catalog need, in a process that never
// loads LibTorch. Standard library and minizip only.
//
// A TorchScript file is a zip archive whose entries sit under one root folder
// (named after the file when it was saved); torch.jit.save's _extra_files go
// to <root>/extra/<name>.

#include "contract.h"

#include <string>

namespace moescope::model {

// The contract of the model file at `path`. False with *error ("<path>:
// <cause>") for a file that is not a zip archive, has no moescope.json, holds
// two, holds one over 4 MiB, or one that breaks the contract.
bool readContractFile(const std::string &path, ModelContract *contract, std::string *error);

// Reads every entry of the archive and checks it against the CRC-32 the zip
// records for it: LibTorch does not, so a bit flip in tensor data would load
// and run. False with *error ("<path>: <entry> is damaged") at the first
// mismatch or unreadable entry.
bool verifyArchive(const std::string &path, std::string *error);

} // namespace moescope::model
