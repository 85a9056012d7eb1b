#include "sha256.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace Awb {

namespace {

// OpenSSL reports failure only for allocation failure or an unusable provider setup; both
// leave the process unable to store evidence correctly, so they stop it instead of returning a
// digest that is silently wrong.
void require(int ok)
{
    if (ok != 1)
        std::abort();
}

} // namespace

QByteArray sha256(const QByteArray &data)
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    require(EVP_Digest(data.constData(), size_t(data.size()),
                       reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(),
                       nullptr));
    digest.resize(length);
    return digest;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return sha256(data).toHex();
}

Sha256Hasher::Sha256Hasher()
    : m_context(EVP_MD_CTX_new())
{
    if (!m_context)
        std::abort();
    require(EVP_DigestInit_ex(static_cast<EVP_MD_CTX *>(m_context), EVP_sha256(), nullptr));
}

Sha256Hasher::~Sha256Hasher()
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(m_context));
}

void Sha256Hasher::addData(const char *data, qsizetype length)
{
    if (length > 0)
        require(EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(m_context), data, size_t(length)));
}

QByteArray Sha256Hasher::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    require(EVP_DigestFinal_ex(static_cast<EVP_MD_CTX *>(m_context),
                               reinterpret_cast<unsigned char *>(digest.data()), &length));
    digest.resize(length);
    return digest;
}

} // namespace Awb
