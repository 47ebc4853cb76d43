package cn.linli.partner;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * 合伙人申请: who applies, for what partner, to serve which communities ({@link PartnerApplicationCommunity}). Contact
 * and licence photos are shown only to those who may see the application at all: the applicant, staff of a requested
 * community and administrators. Equal by id (the arrays would otherwise make it equal only to itself).
 */
record PartnerApplication(long id, long applicantId, PartnerKind kind, String name, @Nullable String description,
                          String contactName, String contactPhone, Long[] categoryIds, Long[] licencePhotoIds,
                          boolean open, @Nullable Long partnerId, Instant createdAt) {

    /** The same application with its contact name and phone as read through the cipher. */
    PartnerApplication withContact(String openedName, String openedPhone) {
        return new PartnerApplication(id, applicantId, kind, name, description, openedName, openedPhone, categoryIds,
                licencePhotoIds, open, partnerId, createdAt);
    }

    List<Long> licencePhotos() {
        return Arrays.asList(licencePhotoIds);
    }

    Keyset position() {
        return new Keyset(createdAt, id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerApplication that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "PartnerApplication[" + id + "]";
    }
}
