package dev.bootcj.oci;

import dev.bootcj.ImageException;

/** Where an image is read from, with the names bootc and containers/image use. */
public enum Transport {
    REGISTRY("registry", "docker://"),
    OCI("oci", "oci:"),
    OCI_ARCHIVE("oci-archive", "oci-archive:"),
    DOCKER_ARCHIVE("docker-archive", "docker-archive:"),
    CONTAINERS_STORAGE("containers-storage", "containers-storage:"),
    DIR("dir", "dir:");

    private final String specName;
    private final String prefix;

    Transport(String specName, String prefix) {
        this.specName = specName;
        this.prefix = prefix;
    }

    /** The name in the host spec ({@code registry}, {@code oci}, ...). */
    public String specName() {
        return specName;
    }

    /** The containers/image prefix ({@code docker://}, {@code oci:}, ...). */
    public String prefix() {
        return prefix;
    }

    /** Parses a {@code --transport} value; {@code docker} is an alias of {@code registry}. */
    public static Transport parse(String name) throws ImageException {
        if (name.equals("docker")) {
            return REGISTRY;
        }
        for (Transport t : values()) {
            if (t.specName.equals(name)) {
                return t;
            }
        }
        throw new ImageException("Unknown transport '" + name + "'");
    }
}
