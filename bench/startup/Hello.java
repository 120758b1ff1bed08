/** The baseline of the start-up benchmark: the cheapest Java program on the same JDK. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
