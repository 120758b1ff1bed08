/**
 * The bootc for Java library: images in, ostree deployments out.
 */
module dev.bootcj.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.dataformat.toml;
    requires org.yaml.snakeyaml;
    requires com.google.gson;
    requires org.slf4j;
    requires java.net.http;

    exports dev.bootcj;
    exports dev.bootcj.spec;
    exports dev.bootcj.oci;
    exports dev.bootcj.registry;
    exports dev.bootcj.deploy;
    exports dev.bootcj.status;

    opens dev.bootcj.spec to com.fasterxml.jackson.databind;
    opens dev.bootcj.oci to com.fasterxml.jackson.databind;
    opens dev.bootcj.deploy to com.fasterxml.jackson.databind;
    opens dev.bootcj.registry to com.fasterxml.jackson.databind;
}
