#pragma once

#include <QString>

class QAbstractItemModel;
class QObject;
class QSortFilterProxyModel;
class QToolBar;
class QTreeView;
class QWidget;

// The pieces the list pages (VM configs, namespaces, hosts, images) build alike. GUI thread.
namespace Corral::PageSupport {

// A page's tool bar: text beside 16-pixel icons.
QToolBar *toolBar(const QString &title, const QString &objectName, QWidget *parent);
// Sorts `source` by `sortRole`, case-insensitively.
QSortFilterProxyModel *sortProxy(QAbstractItemModel *source, int sortRole, QObject *parent);
// A page's list of `model`: one whole row selected at a time, a context menu, sorted by
// `sortColumn` (ascending until the user clicks a header), movable columns, the last stretched.
void setUpListView(QTreeView *view, QAbstractItemModel *model, int sortColumn);
// A warning that does not block the page and deletes itself when closed; plain text.
void showWarning(QWidget *parent, const QString &title, const QString &message,
                 const QString &objectName = {});

} // namespace Corral::PageSupport
