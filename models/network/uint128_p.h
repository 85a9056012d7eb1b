#pragma once

#include <QtGlobal>

// Private to the network room: the 128-bit arithmetic behind prefixes and ranges. An address is
// the big-endian number of its 16 bytes split into two words; IPv4 lives in ::ffff:0:0/96.

namespace Awb::detail {

struct Uint128
{
    quint64 hi = 0;
    quint64 lo = 0;
};

inline bool operator==(Uint128 a, Uint128 b)
{
    return a.hi == b.hi && a.lo == b.lo;
}
inline bool operator!=(Uint128 a, Uint128 b)
{
    return !(a == b);
}
inline bool operator<(Uint128 a, Uint128 b)
{
    return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}
inline bool operator<=(Uint128 a, Uint128 b)
{
    return !(b < a);
}
inline Uint128 operator&(Uint128 a, Uint128 b)
{
    return {a.hi & b.hi, a.lo & b.lo};
}
inline Uint128 operator|(Uint128 a, Uint128 b)
{
    return {a.hi | b.hi, a.lo | b.lo};
}
inline Uint128 operator~(Uint128 a)
{
    return {~a.hi, ~a.lo};
}

// The network mask of a prefix of 0..128 bits: the top `prefix` bits set. Written out per half
// because shifting a 64-bit word by 64 is undefined.
inline Uint128 prefixMask(int prefix)
{
    constexpr quint64 all = ~quint64(0);
    if (prefix <= 0)
        return {};
    if (prefix <= 64)
        return {all << (64 - prefix), 0};
    if (prefix >= 128)
        return {all, all};
    return {all, all << (128 - prefix)};
}

// One more, wrapping at the top; callers check for the maximum first.
inline Uint128 successor(Uint128 value)
{
    return value.lo == ~quint64(0) ? Uint128{value.hi + 1, 0} : Uint128{value.hi, value.lo + 1};
}

} // namespace Awb::detail
