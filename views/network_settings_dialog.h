#pragma once

#include "analysis/trust_settings.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace Awb {

// Settings > Networks: the receiving side's trusted relays, our own address space, our mail
// domains (whose Received stamp dates a report's receipt) and the trusted authserv-ids, one entry
// per line, as the analysis uses them. Stored in QSettings ([analysis], the keys of
// TrustSettings::fromSettings); an entry that is not a network keeps the dialog open with the
// line named.
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
    QPlainTextEdit *m_mailDomains;
    QPlainTextEdit *m_authservIds;
    QLabel *m_error;
};

} // namespace Awb
