package se.tryggkarta;

public class Main {
  public static void main(String[] args) {}
}
