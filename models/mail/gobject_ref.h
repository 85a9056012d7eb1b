#pragma once

// Private to models/mail: an owning handle for GObject-derived C objects (GMime's parser,
// streams, messages, filters). Only <glib-object.h> is needed here, so this header never pulls
// GMime's declarations into anything that includes it.

#include <glib-object.h>

#include <utility>

namespace Awb {

// Owns exactly one reference to a GObject (or nothing). The destructor drops that reference.
//
// GObject APIs hand out pointers with two different ownership rules, and the two named
// constructors make the rule visible where the pointer is fetched:
//  - GObjectRef<T>::adopt(p): p is a new reference ("transfer full", e.g. g_mime_parser_new,
//    g_mime_parser_construct_message); the handle takes it over without adding one.
//  - GObjectRef<T>::retain(p): p is borrowed ("transfer none", e.g. g_mime_multipart_get_part);
//    the handle adds its own reference so the object outlives the lender.
// Copying a handle adds a reference; moving transfers it.
template <typename T> class GObjectRef
{
public:
    GObjectRef() = default;
    ~GObjectRef() { reset(); }

    static GObjectRef adopt(T *owned) { return GObjectRef(owned); }
    static GObjectRef retain(T *borrowed)
    {
        if (borrowed)
            g_object_ref(borrowed);
        return GObjectRef(borrowed);
    }

    GObjectRef(const GObjectRef &other)
        : m_object(other.m_object)
    {
        if (m_object)
            g_object_ref(m_object);
    }
    GObjectRef(GObjectRef &&other) noexcept
        : m_object(std::exchange(other.m_object, nullptr))
    {}
    GObjectRef &operator=(GObjectRef other) noexcept
    {
        std::swap(m_object, other.m_object);
        return *this;
    }

    // The object, still owned by this handle: a borrowed pointer for passing to C calls.
    T *get() const { return m_object; }
    T *operator->() const { return m_object; }
    explicit operator bool() const { return m_object != nullptr; }

    // Gives the reference back to the caller, who must unref it.
    T *release() { return std::exchange(m_object, nullptr); }

    void reset()
    {
        if (m_object)
            g_object_unref(std::exchange(m_object, nullptr));
    }

private:
    explicit GObjectRef(T *object)
        : m_object(object)
    {}
    T *m_object = nullptr;
};

} // namespace Awb
