// The run store opening a file it did not write, or one damaged since:
// Database::open (the SQLite header, the schema version, the migrations)
// and the reads every verb and the window start with.
#include "fuzzsupport.h"

#include "store/database.h"

using namespace moescope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A stale -wal from the previous input would be replayed onto this one.
    fuzz::removeInput(QStringLiteral("runs.sqlite-wal"));
    fuzz::removeInput(QStringLiteral("runs.sqlite-shm"));
    const QString path = fuzz::writeInput(QStringLiteral("runs.sqlite"), data, size);
    store::Database db;
    QString error;
    if (!db.open(path, &error)) {
        if (error.isEmpty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    const QList<store::RunRecord> runs = db.listRuns(&error, 20);
    for (const store::RunRecord &run : runs) {
        std::vector<store::FrameRouting> routing;
        db.loadRun(run.id, &routing, &error);
    }
    const QList<store::GalleryInfo> galleries = db.listGalleries(&error);
    for (const store::GalleryInfo &gallery : galleries) {
        db.loadGalleryEmbeddings(gallery.id, &error);
        const QList<store::GalleryItem> page = db.galleryItemPage(gallery.id, 0, 20, &error);
        std::vector<qint64> ids;
        for (const store::GalleryItem &item : page)
            ids.push_back(item.id);
        db.galleryItems(ids, true, &error);
    }
    db.close();
    return 0;
}
