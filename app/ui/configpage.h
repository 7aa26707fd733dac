#pragma once

#include "fleet/vmconfig.h"

#include <QWidget>

#include <optional>

class QAction;
class QSortFilterProxyModel;
class QToolBar;

namespace Corral {

class ConfigModel;
class Fleet;
class PlaceholderTreeView;

// The VM Configs page: the catalog's VM configs (what to deploy: image, profile, shape, tag,
// ports) and the actions New Config… (Ctrl+N), Edit… (double-click), Duplicate…, Deploy…
// (Ctrl+D, preset with the selected config) and Delete… (Del, asks first). Edits go through
// VmConfigDialog; deletions through WorkloadCatalog::deleteConfig, whose refusal shows in a
// message box. Lives on the GUI thread.
class ConfigPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigPage)

public:
    explicit ConfigPage(Fleet *fleet, QWidget *parent = nullptr);

    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *deployAction() const { return m_deployAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    ConfigModel *model() const { return m_model; }
    PlaceholderTreeView *view() const { return m_view; }

    void setActive(bool active);
    void refresh();

    std::optional<VmConfig> selectedConfig() const;
    void selectConfig(const QString &name);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    // Deploy…: the deploy dialog, preset with this config.
    void deployRequested(const QString &config);

private:
    void updateActions();
    void showContextMenu(const QPoint &pos);
    void openEditor(const VmConfig &config, bool edit);
    void deleteConfig();

    Fleet *m_fleet;
    ConfigModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    PlaceholderTreeView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deployAction = nullptr;
    QAction *m_deleteAction = nullptr;
    bool m_active = true;
};

} // namespace Corral
