#pragma once

#include "analysis/trust_settings.h"
#include "blacklist/dkim_key_config.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace Awb {

// Settings > Networks: the receiving side's trusted relays, our own address space, our mail
// domains (whose Received stamp dates a report's receipt) and the trusted authserv-ids, one entry
// per line, as the analysis uses them. Stored in QSettings ([analysis], the keys of
// TrustSettings::fromSettings); an entry that is not a network keeps the dialog open with the
// line named.
//
// A second tab, Settings > DKIM Keys, says where DKIM public keys come from: a key file, DNS
// lookups (off until the analyst opts in), a nameserver. Stored in [dkim] (DkimKeyConfig); OK
// with a key file that cannot be used or a nameserver that is not an address keeps the dialog
// open with the reason. OK also makes the keys the program's (setDkimKeyProvider with what
// buildDkimKeyProvider made), so the next analysis, of an import or of the message shown,
// verifies with them.
class NetworkSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NetworkSettingsDialog(QWidget *parent = nullptr);

    // What the analysis in this window should use, from the stored settings.
    static TrustSettings storedTrustSettings();
    static DkimKeyConfig storedDkimKeyConfig();

    // Opens on the DKIM Keys tab (Settings > DKIM Keys).
    void showDkimKeys();

    void accept() override;

private:
    QWidget *createNetworksTab();
    QWidget *createDkimTab();
    DkimKeyConfig dkimKeyConfig() const;
    void chooseKeyFile();
    void checkKeyFile();
    bool setDkimError(const Status &status);

    QTabWidget *m_tabs;
    QPlainTextEdit *m_trusted;
    QPlainTextEdit *m_ours;
    QPlainTextEdit *m_mailDomains;
    QPlainTextEdit *m_authservIds;
    QLabel *m_error;
    QWidget *m_dkimTab = nullptr;
    QLineEdit *m_keyFile;
    QCheckBox *m_dnsLookups;
    QLineEdit *m_nameserver;
    QLabel *m_dkimError;
};

} // namespace Awb
