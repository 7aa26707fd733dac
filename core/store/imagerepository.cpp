#include "imagerepository.h"

#include "database.h"
#include "images/imageprobe.h"
#include "virt/imagepool.h"

#include <QSqlQuery>

#include <QHash>
#include <QSet>

#include <map>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

const QString selectImages = u"SELECT id, name, kind, format, virtual_size, actual_size, sha256, "
                             "description, created FROM images"_s;

QString timeToText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromText(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

ImageReplica::State stateFromName(const QString &name)
{
    for (auto s : {ImageReplica::State::Present, ImageReplica::State::Transferring,
                   ImageReplica::State::Failed, ImageReplica::State::Missing}) {
        if (ImageReplica::stateName(s) == name)
            return s;
    }
    return ImageReplica::State::Missing;
}

ImageRecord imageFromRow(const QSqlQuery &q)
{
    ImageRecord image;
    image.id = q.value(0).toLongLong();
    image.name = q.value(1).toString();
    image.kind = q.value(2).toString();
    image.format = q.value(3).toString();
    image.virtualSize = q.value(4).toULongLong();
    image.actualSize = q.value(5).toULongLong();
    image.sha256 = q.value(6).toString();
    image.description = q.value(7).toString();
    image.created = timeFromText(q.value(8).toString());
    return image;
}

// SQLite's NOT NULL columns: a null QString binds as NULL, an empty one as ''.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

Error noSuchImage(const QString &name)
{
    return Error{ErrorCode::NotFound,
                 Tr::tr("There is no image named %1. `corralctl image list` shows the images.").arg(name),
                 {}};
}

Error nameTaken(const QString &name)
{
    return Error{ErrorCode::AlreadyExists, Tr::tr("An image named %1 already exists.").arg(name), {}};
}

Result<void> checkName(const QString &name)
{
    if (const QString rule = ImageProbes::validateName(name); !rule.isEmpty())
        return fail(ErrorCode::InvalidArgument, Tr::tr("\"%1\" is not a valid image name. %2").arg(name, rule));
    return {};
}

} // namespace

QString ImageReplica::stateName(State state)
{
    switch (state) {
    case State::Present: return u"present"_s;
    case State::Transferring: return u"transferring"_s;
    case State::Failed: return u"failed"_s;
    case State::Missing: return u"missing"_s;
    }
    return {};
}

Result<QList<ImageRecord>> ImageRepository::list()
{
    auto query = m_db.exec(selectImages + u" ORDER BY name"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<ImageRecord> images;
    std::map<qint64, qsizetype> index;
    while (query->next()) {
        index[query->value(0).toLongLong()] = images.size();
        images.append(imageFromRow(*query));
    }
    auto replicas = m_db.exec(u"SELECT image_id, host_id, volume, state, updated FROM image_replicas "
                              "ORDER BY image_id, host_id"_s);
    if (!replicas)
        return std::unexpected(replicas.error());
    while (replicas->next()) {
        const auto it = index.find(replicas->value(0).toLongLong());
        if (it == index.end())
            continue;
        images[it->second].replicas.append(ImageReplica{replicas->value(1).toLongLong(),
                                                        replicas->value(2).toString(),
                                                        stateFromName(replicas->value(3).toString()),
                                                        timeFromText(replicas->value(4).toString())});
    }
    return images;
}

Result<ImageRecord> ImageRepository::byName(const QString &name)
{
    auto all = list();
    if (!all)
        return std::unexpected(all.error());
    for (const ImageRecord &image : std::as_const(*all)) {
        if (image.name.compare(name, Qt::CaseInsensitive) == 0)
            return image;
    }
    return std::unexpected(noSuchImage(name));
}

Result<ImageRecord> ImageRepository::add(ImageRecord image)
{
    if (auto ok = checkName(image.name); !ok)
        return std::unexpected(ok.error());
    if (!image.created.isValid())
        image.created = QDateTime::currentDateTimeUtc();
    auto query = m_db.exec(u"INSERT INTO images (name, kind, format, virtual_size, actual_size, "
                           "sha256, description, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (name) DO NOTHING"_s,
                           {image.name, text(image.kind), text(image.format), qint64(image.virtualSize),
                            qint64(image.actualSize), text(image.sha256), text(image.description),
                            timeToText(image.created)});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(nameTaken(image.name));
    image.id = query->lastInsertId().toLongLong();
    image.replicas.clear();
    return image;
}

Result<qint64> ImageRepository::idOf(const QString &name)
{
    auto query = m_db.exec(u"SELECT id FROM images WHERE name = ?"_s, {name});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(noSuchImage(name));
    return query->value(0).toLongLong();
}

Result<void> ImageRepository::rename(const QString &name, const QString &newName)
{
    if (auto ok = checkName(newName); !ok)
        return ok;
    return m_db.transaction([&]() -> Result<void> {
        auto id = idOf(name);
        if (!id)
            return std::unexpected(id.error());
        auto query = m_db.exec(u"UPDATE OR IGNORE images SET name = ? WHERE id = ?"_s, {newName, *id});
        if (!query)
            return std::unexpected(query.error());
        if (query->numRowsAffected() == 0)
            return std::unexpected(nameTaken(newName));
        return {};
    });
}

Result<void> ImageRepository::describe(const QString &name, const QString &description)
{
    auto id = idOf(name);
    if (!id)
        return std::unexpected(id.error());
    auto query = m_db.exec(u"UPDATE images SET description = ? WHERE id = ?"_s, {text(description), *id});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<void> ImageRepository::setSha256(const QString &name, const QString &sha256)
{
    auto id = idOf(name);
    if (!id)
        return std::unexpected(id.error());
    auto query = m_db.exec(u"UPDATE images SET sha256 = ? WHERE id = ?"_s, {text(sha256.toLower()), *id});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<void> ImageRepository::remove(const QString &name)
{
    auto id = idOf(name);
    if (!id)
        return std::unexpected(id.error());
    // image_replicas go with it (ON DELETE CASCADE).
    auto query = m_db.exec(u"DELETE FROM images WHERE id = ?"_s, {*id});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<void> ImageRepository::setReplica(const QString &name, const ImageReplica &replica)
{
    auto id = idOf(name);
    if (!id)
        return std::unexpected(id.error());
    const QDateTime updated = replica.updated.isValid() ? replica.updated : QDateTime::currentDateTimeUtc();
    auto query = m_db.exec(u"INSERT INTO image_replicas (image_id, host_id, volume, state, updated) "
                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT (image_id, host_id) DO UPDATE SET "
                           "volume = excluded.volume, state = excluded.state, updated = excluded.updated"_s,
                           {*id, replica.hostId, text(replica.volume), ImageReplica::stateName(replica.state),
                            timeToText(updated)});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<void> ImageRepository::removeReplica(const QString &name, qint64 hostId)
{
    auto id = idOf(name);
    if (!id)
        return std::unexpected(id.error());
    auto query = m_db.exec(u"DELETE FROM image_replicas WHERE image_id = ? AND host_id = ?"_s, {*id, hostId});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<bool> ImageRepository::reconcileHost(qint64 hostId, const QList<PoolVolume> &volumes)
{
    bool changed = false;
    auto body = [&]() -> Result<void> {
        auto images = list();
        if (!images)
            return std::unexpected(images.error());
        QHash<QString, const PoolVolume *> byVolume;
        for (const PoolVolume &v : volumes)
            byVolume.insert(v.name, &v);
        QSet<QString> known;
        QSet<QString> names;
        for (const ImageRecord &image : std::as_const(*images)) {
            names.insert(image.name.toLower());
            for (const ImageReplica &r : image.replicas) {
                if (r.hostId != hostId)
                    continue;
                known.insert(r.volume);
                const bool there = byVolume.contains(r.volume);
                ImageReplica::State next = r.state;
                if (!there && r.state == ImageReplica::State::Present)
                    next = ImageReplica::State::Missing;
                else if (there && r.state == ImageReplica::State::Missing)
                    next = ImageReplica::State::Present;
                if (next != r.state) {
                    ImageReplica updated = r;
                    updated.state = next;
                    updated.updated = {};
                    if (auto ok = setReplica(image.name, updated); !ok)
                        return ok;
                    changed = true;
                }
            }
        }
        for (const PoolVolume &v : volumes) {
            if (known.contains(v.name) || !ImageProbes::validateName(v.name).isEmpty())
                continue;
            if (!names.contains(v.name.toLower())) {
                ImageRecord image;
                image.name = v.name;
                image.format = v.format == u"qcow2" || v.format == u"iso" ? v.format : u"raw"_s;
                image.kind = image.format == u"iso" ? u"iso"_s : u"disk"_s;
                image.virtualSize = v.capacity;
                image.actualSize = v.allocation;
                if (auto added = add(image); !added)
                    return std::unexpected(added.error());
                names.insert(v.name.toLower());
            }
            ImageReplica replica;
            replica.hostId = hostId;
            replica.volume = v.name;
            replica.state = ImageReplica::State::Present;
            if (auto ok = setReplica(v.name, replica); !ok)
                return ok;
            changed = true;
        }
        return {};
    };
    if (auto ok = m_db.transaction(body); !ok)
        return std::unexpected(ok.error());
    return changed;
}

} // namespace Corral
