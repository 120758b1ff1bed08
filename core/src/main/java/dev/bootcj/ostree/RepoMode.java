package dev.bootcj.ostree;

/** {@code OstreeRepoMode}, with the names ostree's config uses. */
public enum RepoMode {
    BARE("bare"),
    ARCHIVE("archive-z2"),
    BARE_USER("bare-user"),
    BARE_USER_ONLY("bare-user-only"),
    BARE_SPLIT_XATTRS("bare-split-xattrs");

    private final String configName;

    RepoMode(String configName) {
        this.configName = configName;
    }

    /** The C enum value. */
    int value() {
        return ordinal();
    }

    /** The name in a repo's {@code config} ({@code mode=}). */
    public String configName() {
        return configName;
    }

    static RepoMode of(int value) {
        return values()[value];
    }
}
