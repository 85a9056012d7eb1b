#pragma once

#include "analysis/trust_settings.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace Awb {

// Settings > Networks: the receiving side's trusted relays and our own address space, one
// network per line, as the Received-chain analysis uses them. Stored in QSettings; an entry that
// is not a network keeps the dialog open with the line named.
class NetworkSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NetworkSettingsDialog(QWidget *parent = nullptr);

    // What the analysis in this window should use, from the stored settings.
    static TrustSettings storedTrustSettings();

    void accept() override;

private:
    QPlainTextEdit *m_trusted;
    QPlainTextEdit *m_ours;
    QLabel *m_error;
};

} // namespace Awb
