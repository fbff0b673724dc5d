#pragma once

// One recipe blob as RepositoryScanner reads it: parsed once (on a pool thread),
// then handed to every recipe file of every branch that has it.

#include "recipes/RecipeFile.h"
#include "system/StringPool.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace vs::scannedblob {

struct ParsedBlob {
    bool answered = false; // git gave a blob for it
    QString text; // kept only where asked (or where lint reads it)
    bool binary = false;
    bool tooLarge = false;
    qint64 size = -1;
    RecipeMetadata meta;
};

ParsedBlob parse(QByteArrayView bytes, bool keepText);

// Values that repeat from recipe to recipe made one string each (see StringPool):
// the metadata of a parsed blob, the parts of a recipe file's variant name.
void shareStrings(ParsedBlob &p, StringPool &pool);
void shareStrings(RecipeFile &r, StringPool &pool);

// Fills r's content from p: a copy, or p's own strings handed over at its last use.
void apply(RecipeFile &r, const ParsedBlob &p);
void apply(RecipeFile &r, ParsedBlob &&p);

// Reads a working-tree file (new or modified) from disk: a link is listed as a
// link and never followed; anything but a regular file (a FIFO, a device) is
// refused without blocking, and no more than maxBytes are read.
void readFromDisk(RecipeFile &r, const QString &root, qint64 maxBytes, bool keepText);

} // namespace vs::scannedblob
