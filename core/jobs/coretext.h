#pragma once
// The Qt-free core's messages (model loading and checks, the model contract,
// router checks) go through the application's translations: install once at
// start-up, after the QTranslator.

namespace moescope {

void installCoreTranslator();

} // namespace moescope
