package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A trie over word ids whose nodes may end a phrase, stored as four int arrays so that it can be written at build
 * time and read back without being built again. A node's outgoing edges are a run of {@link #edgeWords} sorted by
 * word id (searched by bisection); {@link #phrases} gives the phrase ending at a node, or -1.
 * Immutable; the arrays are never handed out for writing.
 */
final class PhraseTrie {

    static final int ROOT = 0;
    static final int NONE = -1;

    private final int[] firstEdges;
    private final int[] edgeWords;
    private final int[] edgeTargets;
    private final int[] phrases;

    /** Takes the arrays as they were written; refuses arrays that do not form a trie this class could walk. */
    PhraseTrie(int[] firstEdges, int[] edgeWords, int[] edgeTargets, int[] phrases) {
        int nodes = phrases.length;
        if (nodes == 0 || firstEdges.length != nodes + 1 || edgeWords.length != edgeTargets.length
                || firstEdges[0] != 0 || firstEdges[nodes] != edgeWords.length) {
            throw new IllegalArgumentException("phrase trie arrays of inconsistent lengths");
        }
        for (int node = 0; node < nodes; node++) {
            if (firstEdges[node + 1] < firstEdges[node]) {
                throw new IllegalArgumentException("phrase trie edge runs out of order at node " + node);
            }
            for (int e = firstEdges[node]; e < firstEdges[node + 1]; e++) {
                if (edgeTargets[e] <= 0 || edgeTargets[e] >= nodes || edgeWords[e] < 0
                        || (e > firstEdges[node] && edgeWords[e] <= edgeWords[e - 1])) {
                    throw new IllegalArgumentException("phrase trie edge " + e + " is out of range or order");
                }
            }
        }
        this.firstEdges = firstEdges;
        this.edgeWords = edgeWords;
        this.edgeTargets = edgeTargets;
        this.phrases = phrases;
    }

    /** The node reached from {@code node} over {@code word}, or {@link #NONE}. */
    int child(int node, int word) {
        int i = Arrays.binarySearch(edgeWords, firstEdges[node], firstEdges[node + 1], word);
        return i < 0 ? NONE : edgeTargets[i];
    }

    /** The phrase that ends at this node, or {@link #NONE}. */
    int phrase(int node) {
        return phrases[node];
    }

    int[] firstEdges() {
        return firstEdges.clone();
    }

    int[] edgeWords() {
        return edgeWords.clone();
    }

    int[] edgeTargets() {
        return edgeTargets.clone();
    }

    int[] phrases() {
        return phrases.clone();
    }

    /** Collects phrases (word id sequences), then lays the trie out in arrays. Not thread-safe. */
    static final class Builder {
        private final List<TreeMap<Integer, Integer>> children = new ArrayList<>();
        private final List<Integer> phraseAt = new ArrayList<>();

        Builder() {
            newNode();
        }

        private int newNode() {
            children.add(new TreeMap<>());
            phraseAt.add(NONE);
            return children.size() - 1;
        }

        /** Adds a phrase; a sequence added twice keeps its first phrase id. */
        Builder add(int[] words, int phrase) {
            int node = ROOT;
            for (int word : words) {
                Integer next = children.get(node).get(word);
                if (next == null) {
                    next = newNode();
                    children.get(node).put(word, next);
                }
                node = next;
            }
            if (phraseAt.get(node) == NONE) {
                phraseAt.set(node, phrase);
            }
            return this;
        }

        PhraseTrie build() {
            int nodes = children.size();
            int[] first = new int[nodes + 1];
            for (int node = 0; node < nodes; node++) {
                first[node + 1] = first[node] + children.get(node).size();
            }
            int[] words = new int[first[nodes]];
            int[] targets = new int[first[nodes]];
            int[] ends = new int[nodes];
            for (int node = 0; node < nodes; node++) {
                int e = first[node];
                for (var edge : children.get(node).entrySet()) {
                    words[e] = edge.getKey();
                    targets[e] = edge.getValue();
                    e++;
                }
                ends[node] = phraseAt.get(node);
            }
            return new PhraseTrie(first, words, targets, ends);
        }
    }
}
