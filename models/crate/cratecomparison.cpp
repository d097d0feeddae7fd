// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratecomparison.h"

#include "cargomanifest.h"
#include "textdiff.h"

#include <QStringDecoder>

using namespace Qt::Literals::StringLiterals;

namespace CrateComparison {

namespace {

using Change = CrateVersionDiff::Change;

void compareFiles(const CrateArchive &older, const CrateArchive &newer, CrateVersionDiff *diff)
{
    const QList<CrateArchive::File> &before = older.files();
    const QList<CrateArchive::File> &after = newer.files();
    const QList<CrateArchive::Fingerprint> beforePrints = older.fingerprints();
    const QList<CrateArchive::Fingerprint> afterPrints = newer.fingerprints();
    // Both lists are sorted by path: one merge walk.
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before.at(i).path < after.at(j).path)) {
            diff->files.append({before.at(i).path, Change::Removed, before.at(i).size, -1, beforePrints.value(i).binary});
            ++i;
        } else if (i == before.size() || after.at(j).path < before.at(i).path) {
            diff->files.append({after.at(j).path, Change::Added, -1, after.at(j).size, afterPrints.value(j).binary});
            ++j;
        } else {
            const CrateArchive::Fingerprint was = beforePrints.value(i);
            const CrateArchive::Fingerprint is = afterPrints.value(j);
            // A file that could not be read again counts as changed rather than as the same.
            if (was.sha256.isEmpty() || was != is || before.at(i).executable != after.at(j).executable)
                diff->files.append({after.at(j).path, Change::Changed, before.at(i).size, after.at(j).size, was.binary || is.binary});
            else
                ++diff->unchangedFiles;
            ++i;
            ++j;
        }
    }
}

std::optional<QString> textOf(const CrateArchive *archive, const QString &path, qint64 maxFileSize, FileDiff::Outcome *why)
{
    if (!archive)
        return QString();
    const std::optional<CrateArchive::File> file = archive->file(path);
    if (!file)
        return QString();
    if (file->size > maxFileSize) {
        *why = FileDiff::Outcome::TooLarge;
        return std::nullopt;
    }
    const std::optional<QByteArray> bytes = archive->fileData(path, maxFileSize);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = bytes ? utf8.decode(*bytes) : QString();
    if (!bytes || utf8.hasError() || bytes->contains('\0')) {
        *why = FileDiff::Outcome::Binary;
        return std::nullopt;
    }
    return text;
}

QString truncatedToLines(const QString &text, qsizetype maxLines, bool *truncated)
{
    qsizetype at = -1;
    for (qsizetype line = 0; line < maxLines; ++line) {
        at = text.indexOf(u'\n', at + 1);
        if (at < 0)
            return text;
    }
    *truncated = at + 1 < text.size();
    return text.left(at + 1);
}

} // namespace

CrateVersionDiff compare(const CrateArchive &older, const IndexEntry &olderEntry, const CrateArchive &newer,
                         const IndexEntry &newerEntry)
{
    CrateVersionDiff diff;
    diff.crate = newerEntry.name;
    diff.oldVersion = olderEntry.vers;
    diff.newVersion = newerEntry.vers;
    compareFiles(older, newer, &diff);
    diff.compareEntries(olderEntry, newerEntry);
    // The index has no license or edition; the normalized Cargo.toml cargo packed has both.
    const auto before = CargoManifest::parse(older.manifestBytes());
    const auto after = CargoManifest::parse(newer.manifestBytes());
    const auto field = [](const CargoManifest::Result &result, std::optional<QString> CargoManifest::*member) {
        return result.isOk() ? (*result.manifest).*member : std::nullopt;
    };
    diff.compareField(u"license"_s, field(before, &CargoManifest::license), field(after, &CargoManifest::license));
    diff.compareField(u"edition"_s, field(before, &CargoManifest::edition), field(after, &CargoManifest::edition));
    return diff;
}

FileDiff fileDiff(const CrateArchive *older, const CrateArchive *newer, const QString &path, qint64 maxFileSize, qsizetype maxLines)
{
    FileDiff diff;
    diff.path = path;
    if ((!older || !older->contains(path)) && (!newer || !newer->contains(path)))
        return diff;
    FileDiff::Outcome why = FileDiff::Outcome::Text;
    const std::optional<QString> before = textOf(older, path, maxFileSize, &why);
    const std::optional<QString> after = textOf(newer, path, maxFileSize, &why);
    if (!before || !after) {
        diff.outcome = why;
        return diff;
    }
    const bool existed = older && older->contains(path);
    const bool exists = newer && newer->contains(path);
    const std::optional<QString> unified = TextDiff::unified(*before, *after, existed ? u"a/"_s + path : u"/dev/null"_s,
                                                             exists ? u"b/"_s + path : u"/dev/null"_s, TextDiff::DefaultMaxCells);
    if (!unified) {
        diff.outcome = FileDiff::Outcome::TooLarge;
        return diff;
    }
    diff.outcome = FileDiff::Outcome::Text;
    diff.unified = truncatedToLines(*unified, maxLines, &diff.truncated);
    return diff;
}

} // namespace CrateComparison
